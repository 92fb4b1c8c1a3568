package dev.recruitdesk.ui.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.ui.templates.HtmlRuns.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlRunsTest {

    @Test
    void splitsTelegramHtmlIntoStyledRunsWithEntitiesDecoded() {
        List<Run> runs = HtmlRuns.parse("Hi <b>Ann <i>&amp; Bob</i></b>, join <a href=\"https://x.test/?a=1&amp;b=2\">here</a> &lt;now&gt;");

        assertThat(runs).extracting(Run::text).containsExactly("Hi ", "Ann ", "& Bob", ", join ", "here", " <now>");
        assertThat(runs.get(1).bold()).isTrue();
        assertThat(runs.get(2).bold()).isTrue();
        assertThat(runs.get(2).italic()).isTrue();
        assertThat(runs.get(3).bold()).isFalse();
        assertThat(runs.get(4).link()).isEqualTo("https://x.test/?a=1&b=2");
    }

    @Test
    void showsBrokenMarkupAsTyped() {
        assertThat(HtmlRuns.parse("a < b & c")).extracting(Run::text).containsExactly("a < b & c");
    }
}
