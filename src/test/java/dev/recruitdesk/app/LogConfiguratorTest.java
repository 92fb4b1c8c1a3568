package dev.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production logging set-up in code: the rolling file, its line format and the library levels. */
class LogConfiguratorTest {

    @TempDir
    Path logs;

    @Test
    void writesOurInfoLinesToTheRollingFileAndKeepsLibrariesAtWarn() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what logback's service provider gives the real one
        LogConfigurator.configure(context, logs.toString(), "OFF");

        context.getLogger("dev.recruitdesk.delivery.Outbox").info("outbox.created key={}", "welcome:chat-1");
        context.getLogger("org.hibernate.SQL").info("select 1");
        context.getLogger("org.hibernate.orm.jdbc.error").warn("unique constraint violated");
        context.getLogger("com.zaxxer.hikari.pool.HikariPool").warn("pool is slow");
        context.stop();

        String text = Files.readString(logs.resolve("recruitdesk.log"), StandardCharsets.UTF_8);
        assertThat(text).containsPattern(
                "(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[[^]]+] d\\.recruitdesk\\.delivery\\.Outbox outbox\\.created key=welcome:chat-1$");
        assertThat(text).doesNotContain("select 1").doesNotContain("unique constraint").contains("pool is slow");
    }

    @Test
    void theTestsOwnLogbackXmlStillWins() {
        LogConfigurator configurator = new LogConfigurator();
        LoggerContext context = new LoggerContext();
        configurator.setContext(context);

        assertThat(configurator.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger("ROOT").iteratorForAppenders().hasNext()).isFalse();
    }
}
