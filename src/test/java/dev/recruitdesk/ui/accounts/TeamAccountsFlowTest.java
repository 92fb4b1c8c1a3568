package dev.recruitdesk.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.ConsoleApp;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.TestDatabases;
import dev.recruitdesk.ui.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Team mode on the whole console over embedded PostgreSQL: the first admin is created at the first start, creates
 * a recruiter's account on the Accounts screen and signs out; the recruiter signs in and sees neither Templates,
 * Accounts nor Settings' admin sections; five wrong passwords lock an account with a message saying until when.
 */
@ExtendWith(ApplicationExtension.class)
class TeamAccountsFlowTest {

    @TempDir
    Path home;
    private ConsoleApp app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        DatabaseSettings db = TestDatabases.freshPostgres();
        Files.createDirectories(home);
        Files.writeString(home.resolve("recruitdesk.properties"), "ui.language=en\n"
                + "db.url=" + db.url() + "\ndb.user=" + db.user() + "\ndb.password=" + db.password() + "\n");
        app = new ConsoleApp(AppContext.forHome(home, Clock.systemUTC()));
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void theFirstAdminCreatesARecruiterWhoSeesOnlyTheirScreensAndWrongPasswordsLockAnAccount(FxRobot robot) throws Exception {
        await(() -> visible(robot, "#firstAdminForm"));
        assertThat(visible(robot, "#loginForm")).isFalse();
        assertThat(robot.lookup("#navSchedule").query().isDisable()).isTrue();
        type(robot, "#adminUsername", "olga");
        type(robot, "#adminName", "Olga Smirnova");
        type(robot, "#adminPassword", "correct horse battery");
        type(robot, "#adminConfirm", "correct horse battery");
        Screenshots.save(stage.getScene(), "first-admin.png");
        robot.type(KeyCode.ENTER);

        await(() -> visible(robot, "#signedInBox") && !robot.lookup("#navSchedule").query().isDisable());
        assertThat(text(robot, "#signedInName")).isEqualTo("Olga Smirnova");
        assertThat(text(robot, "#signedInRole")).isEqualTo("Admin");
        assertThat(visible(robot, "#navTemplates")).isTrue();
        assertThat(visible(robot, "#navAccounts")).isTrue();

        robot.clickOn("#navAccounts");
        await(() -> accounts(robot).getItems().size() == 1);
        robot.clickOn("#newAccountButton");
        type(robot, "#newUsername", "anna");
        type(robot, "#newName", "Anna Orlova");
        type(robot, "#newPassword", "short");
        robot.clickOn("#createAccountButton");
        await(() -> visible(robot, "#newPasswordError"));
        assertThat(text(robot, "#newPasswordError")).isEqualTo("The password needs at least 10 characters.");
        robot.interact(() -> robot.lookup("#newPassword").queryAs(TextInputControl.class).clear());
        type(robot, "#newPassword", "anna-secret-42");
        robot.clickOn("#createAccountButton");
        await(() -> accounts(robot).getItems().size() == 2);
        await(() -> visible(robot, "#accountsMessage"));
        assertThat(text(robot, "#accountsMessage")).isEqualTo("Account anna created.");
        assertThat(text(robot, "#selectedTitle")).isEqualTo("Anna Orlova (anna)");
        Screenshots.save(stage.getScene(), "accounts.png");

        robot.interact(() -> robot.lookup(".accounts-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        await(() -> auditActions(robot).contains("account.create"));
        assertThat(auditActions(robot)).contains("account.firstAdmin");

        signOut(robot);
        type(robot, "#loginUsername", "anna");
        type(robot, "#loginPassword", "anna-secret-42");
        robot.type(KeyCode.ENTER);

        await(() -> visible(robot, "#signedInBox") && !robot.lookup("#navSchedule").query().isDisable());
        assertThat(text(robot, "#signedInName")).isEqualTo("Anna Orlova");
        assertThat(text(robot, "#signedInRole")).isEqualTo("Recruiter");
        assertThat(visible(robot, "#navTemplates")).isFalse();
        assertThat(visible(robot, "#navAccounts")).isFalse();
        robot.clickOn("#navSettings");
        await(() -> robot.lookup("#nameField").tryQuery().isPresent());
        assertThat(robot.lookup("#tokenField").query().getParent().isVisible()).as("the bot's section").isFalse();
        assertThat(robot.lookup("#dbUrlField").query().getParent().isVisible()).as("the database's section").isFalse();
        assertThat(robot.lookup("#nameField").query().getParent().isVisible()).as("the profile").isTrue();

        robot.clickOn("#changePasswordButton");
        await(() -> visible(robot, "#currentPasswordField"));
        type(robot, "#currentPasswordField", "anna-secret-42");
        type(robot, "#ownPasswordField", "anna-chose-this-one");
        type(robot, "#confirmPasswordField", "anna-chose-this-one");
        robot.type(KeyCode.ENTER);
        await(() -> robot.lookup("#currentPasswordField").tryQuery().isEmpty());

        signOut(robot);
        // the first wrong password is her old one: the change took
        for (int attempt = 1; attempt < 5; attempt++) {
            wrongPassword(robot, attempt);
            await(() -> "Wrong username or password.".equals(text(robot, "#loginError")) && !busy(robot));
        }
        wrongPassword(robot, 5);
        await(() -> text(robot, "#loginError").startsWith("Too many wrong passwords: the account is locked until "));
        assertThat(visible(robot, "#loginForm")).isTrue();
        Screenshots.save(stage.getScene(), "login.png");
    }

    private void wrongPassword(FxRobot robot, int attempt) {
        robot.interact(() -> {
            robot.lookup("#loginUsername").queryAs(TextInputControl.class).setText("anna");
            robot.lookup("#loginPassword").queryAs(TextInputControl.class).setText(attempt == 1 ? "anna-secret-42" : "not her password " + attempt);
        });
        robot.clickOn("#loginButton");
    }

    private void signOut(FxRobot robot) throws TimeoutException {
        robot.clickOn("#signOutButton");
        await(() -> visible(robot, "#loginForm"));
    }

    private static boolean busy(FxRobot robot) {
        return robot.lookup("#loginProgress").query().isVisible();
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.clickOn(id).write(text);
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    @SuppressWarnings("unchecked")
    private static TableView<dev.recruitdesk.accounts.AccountRow> accounts(FxRobot robot) {
        return robot.lookup("#accountTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> auditActions(FxRobot robot) {
        TableView<AccountsViewModel.AuditLine> table = robot.lookup("#auditTable").queryAs(TableView.class);
        return table.getItems().stream().map(AccountsViewModel.AuditLine::action).toList();
    }

    private static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
