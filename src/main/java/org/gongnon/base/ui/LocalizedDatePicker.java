package org.gongnon.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.List;

/** A date picker that speaks the UI language: month and weekday names, buttons, date format. */
public class LocalizedDatePicker extends DatePicker {

    public LocalizedDatePicker() {
        DatePickerI18n i18n = new DatePickerI18n();
        i18n.setMonthNames(split("datepicker.months"));
        i18n.setWeekdays(split("datepicker.weekdays"));
        i18n.setWeekdaysShort(split("datepicker.weekdays-short"));
        i18n.setToday(getTranslation("datepicker.today"));
        i18n.setCancel(getTranslation("action.cancel"));
        i18n.setFirstDayOfWeek(0);
        i18n.setDateFormat(getTranslation("datepicker.format"));
        setI18n(i18n);
        setLocale(getLocale());
    }

    private List<String> split(String key) {
        return List.of(getTranslation(key).split(","));
    }
}
