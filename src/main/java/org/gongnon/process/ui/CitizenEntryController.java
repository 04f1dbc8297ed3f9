package org.gongnon.process.ui;

import org.gongnon.process.CitizenAccessService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where citizens come in: their personal link {@code /c/{token}}, or the one-time ticket the code page
 * sends them to. Signing in happens here, in a plain request of its own, before any Vaadin page is
 * open; then the browser is sent to the citizen's page (or to an explanation when the link is not valid).
 */
@Controller
class CitizenEntryController {

    static final String MY_PAGE = "/me";
    static final String LINK_INVALID = "/link-invalid";

    private final CitizenAccessService citizens;

    CitizenEntryController(CitizenAccessService citizens) {
        this.citizens = citizens;
    }

    @GetMapping("/c/{token}")
    ResponseEntity<Void> personalLink(@PathVariable String token) {
        return redirect(citizens.signInWithToken(token) ? MY_PAGE : LINK_INVALID);
    }

    @GetMapping("/c/ticket/{ticket}")
    ResponseEntity<Void> codeTicket(@PathVariable String ticket) {
        return redirect(citizens.redeemTicket(ticket) ? MY_PAGE : CitizenCodeView.ROUTE_EXPIRED);
    }

    private static ResponseEntity<Void> redirect(String path) {
        // 303: always a plain GET of the target; never cached, the link is a credential.
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, path)
                .cacheControl(CacheControl.noStore()).build();
    }
}
