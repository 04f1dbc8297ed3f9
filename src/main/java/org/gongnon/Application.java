package org.gongnon;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import java.util.Arrays;
import org.gongnon.recruitment.cli.SortitionCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Gongnon (공론): a platform for running public deliberation, from the panel lottery to the
 * government's response to the panel's recommendations.
 */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/gongnon.css")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        // `sortition …` is a command-line lottery: it runs and exits without starting Spring or the database.
        if (args.length > 0 && args[0].equals("sortition")) {
            System.exit(new SortitionCommand().run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(Application.class, args);
    }
}
