package org.gongnon.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;
import org.gongnon.base.i18n.LanguagePreference;
import org.gongnon.base.i18n.TranslationProvider;

/** 한국어 / English. Each language is named in itself, so anyone can find their own. */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        setItems(TranslationProvider.LOCALES);
        setItemLabelGenerator(l -> l.equals(TranslationProvider.ENGLISH) ? "English" : "한국어");
        setAriaLabel(getTranslation("header.language"));
        addClassName("gn-language");
        setValue(TranslationProvider.supported(UI.getCurrent() == null ? null : UI.getCurrent().getLocale()));
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                LanguagePreference.switchTo(UI.getCurrent(), e.getValue());
            }
        });
    }
}
