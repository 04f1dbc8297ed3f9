package org.gongnon.testsupport;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What a download link on a page serves, fetched in a browserless test the way the browser would: the link's address
 * is looked up in the session's resource registry and its handler answers a request.
 */
public final class Downloads {

    /** The answer to following a download link: its body and the file name the server gave it. */
    public record Fetched(byte[] body, String contentType, String contentDisposition) {
    }

    private Downloads() {
    }

    public static Fetched fetch(Anchor link) {
        String href = link.getHref();
        if (href == null || href.isBlank()) {
            throw new AssertionError("the link has no address");
        }
        VaadinSession session = VaadinSession.getCurrent();
        StreamResourceRegistry.ElementStreamResource resource = session.getResourceRegistry()
                .getResource(StreamResourceRegistry.ElementStreamResource.class, URI.create(href))
                .orElseThrow(() -> new AssertionError("no download registered at " + href));
        MockHttpServletResponse response = new MockHttpServletResponse();
        VaadinServletService service = (VaadinServletService) VaadinService.getCurrent();
        try {
            resource.getElementRequestHandler().handleRequest(
                    new VaadinServletRequest(new MockHttpServletRequest("GET", "/" + href), service),
                    new VaadinServletResponse(response, service), session, resource.getOwner());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Fetched(response.getContentAsByteArray(), response.getContentType(),
                response.getHeader("Content-Disposition"));
    }
}
