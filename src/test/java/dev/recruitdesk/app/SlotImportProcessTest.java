package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --import-slots FILE} as a child process: all slots or none, bad lines named by number. */
class SlotImportProcessTest {

    @TempDir
    Path home;

    /** Far enough ahead that "now" of the child process never catches up. */
    private static final String YEAR = String.valueOf(LocalDate.now().getYear() + 2);

    @Test
    void importsEveryLineOfAGoodFileAndNothingOfABadOne() throws Exception {
        Path bad = home.resolve("bad.csv");
        Files.writeString(bad, "date,time,duration,place_or_link\n"
                + YEAR + "-03-02,10:00,30,\"Office, room 3\"\n"
                + YEAR + "-03-02,10:15,30,\n"
                + YEAR + "-02-30,10:00,30,\n", StandardCharsets.UTF_8);
        ChildProcess.Result failed = ChildProcess.run("--import-slots", bad.toString(), "--home", home.toString());
        assertThat(failed.exitCode()).as(failed.stderr()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(failed.stderr()).contains("line 3: overlaps line 2 of this file")
                .contains("line 4: bad date \"" + YEAR + "-02-30\"")
                .contains("Nothing was imported: 2 line(s) with errors");
        assertThat(failed.stdout()).isEmpty();

        Path good = home.resolve("good.csv");
        Files.writeString(good, "\uFEFF" + YEAR + "-03-02;10:00;30;Office, room 3\n" + YEAR + "-03-02;11:00;45\n", StandardCharsets.UTF_8);
        ChildProcess.Result ok = ChildProcess.run("--import-slots", good.toString(), "--home", home.toString());
        assertThat(ok.exitCode()).as(ok.stderr()).isZero();
        assertThat(ok.stdout()).contains("created " + YEAR + "-03-02 10:00 30 min Office, room 3")
                .contains("created " + YEAR + "-03-02 11:00 45 min").contains("Imported 2 slot(s)");

        // the same file again overlaps what it created: refused whole
        ChildProcess.Result again = ChildProcess.run("--import-slots", good.toString(), "--home", home.toString());
        assertThat(again.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(again.stderr()).contains("line 1: overlaps your slot " + YEAR + "-03-02 10:00");
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        ChildProcess.Result r = ChildProcess.run("--import-slots");
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.stderr()).contains("--import-slots needs a CSV file");
    }
}
