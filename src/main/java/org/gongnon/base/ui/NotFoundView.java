package org.gongnon.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page that does not exist, or one the user may not open: the same words for both, so that
 * addresses cannot be probed, in the user's language.
 */
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(this);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    static void show(VerticalLayout page) {
        page.removeAll();
        page.addClassName("gn-page");
        H1 title = new H1(page.getTranslation("error.not-found.title"));
        title.setId("not-found");
        page.add(title, new Paragraph(page.getTranslation("error.not-found.text")),
                new Anchor("", page.getTranslation("error.home")));
    }
}
