package org.gongnon.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Test-only page that fails while opening, to see what the user gets instead. */
@Route("test-only/failing")
@PermitAll
public class FailingTestView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        throw new IllegalStateException("simulated failure with secret detail jdbc:mysql://internal");
    }
}
