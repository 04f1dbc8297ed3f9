package org.gongnon.process.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.testsupport.NastyStrings;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** Issue 7 §5: markup typed into a form is shown as the characters typed, never as markup. */
class MarkupAsTextViewTest extends ViewTestBase {

    /** Tags that the nasty titles contain; none may appear as real elements. */
    static final Set<String> INJECTED_TAGS = Set.of("b", "script", "img");

    @Autowired
    ProcessService processes;

    static List<String> injectedElements(Element root) {
        List<String> found = new ArrayList<>();
        if (root.isTextNode()) {
            return found;
        }
        if (INJECTED_TAGS.contains(root.getTag()) || root.hasProperty("innerHTML")) {
            found.add(root.getTag() + (root.hasProperty("innerHTML") ? " with innerHTML" : ""));
        }
        root.getChildren().forEach(child -> found.addAll(injectedElements(child)));
        return found;
    }

    @Test
    @WithUserDetails("facilitator")
    void aProcessTitleWithMarkupIsShownAsTextOnTheHomeAndDetailPages() {
        String title = NastyStrings.MARKUP + " " + NastyStrings.SCRIPT;
        long id = processes.createProcess(ProcessTestForms.titled(title));

        navigate(HomeView.class);
        Div card = find(Div.class).withClassName("gn-card").all().stream()
                .filter(c -> c.getElement().getAttribute("data-process-id").equals(String.valueOf(id)))
                .findFirst().orElseThrow();
        RouterLink link = find(RouterLink.class, card).all().stream().filter(l -> l.getText().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("the title is shown as typed"));
        assertTrue(link.getElement().getChildren().allMatch(Element::isTextNode), "only text inside the link");
        assertTrue(injectedElements(UI.getCurrent().getElement()).isEmpty(),
                "no markup became elements: " + injectedElements(UI.getCurrent().getElement()));

        navigate(ProcessDetailView.class, id);
        assertEquals(title, find(H2.class).first().getText());
        assertTrue(injectedElements(UI.getCurrent().getElement()).isEmpty(),
                "no markup became elements: " + injectedElements(UI.getCurrent().getElement()));
    }
}
