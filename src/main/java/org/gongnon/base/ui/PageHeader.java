package org.gongnon.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** A page's heading with its main actions on the right. */
public class PageHeader extends HorizontalLayout {

    public PageHeader(String title, Component... actions) {
        add(new H2(title));
        add(actions);
        setWidthFull();
        setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName("gn-page-header");
    }
}
