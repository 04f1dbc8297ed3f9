package org.gongnon.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.gongnon.base.i18n.LanguagePreference;
import org.springframework.stereotype.Component;

/** Sets every new session's language and error handler. */
@Component
class ServiceInitializer implements VaadinServiceInitListener {

    private final GlobalErrorHandler errorHandler;

    ServiceInitializer(GlobalErrorHandler errorHandler) {
        this.errorHandler = errorHandler;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> {
            init.getSession().setErrorHandler(errorHandler);
            init.getSession().setLocale(LanguagePreference.fromRequest(init.getRequest()));
        });
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            init.getUI().setLocale(LanguagePreference.fromRequest(request));
            if (init.getUI().getSession() != null) {
                init.getUI().getSession().setLocale(init.getUI().getLocale());
            }
        });
    }
}
