package dev.recruitdesk.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Tells, cheaply, whether a database already has every migration this build ships, so that opening it can skip
 * Flyway: on an up-to-date database Flyway's plugin loading, class-path scan and validation took as long as
 * Hibernate's whole boot (installer/bench-startup.sh). Anything unexpected (no history table, a failed or
 * unknown row, a migration file that is not a plain versioned SQL file) answers "not current", and Flyway runs as
 * before. What the fast path does not do is Flyway's checksum check of already applied files.
 */
final class MigrationCheck {

    private static final String FOLDER = "db/migration";
    /** Rows Flyway writes about itself (history table or schema created), not migrations. */
    private static final Set<String> NOTES = Set.of("TABLE", "SCHEMA");
    private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__[^/]*\\.sql");

    private MigrationCheck() {
    }

    /** True when the schema history holds exactly the shipped versioned migrations, all successful. */
    static boolean isCurrent(DataSource ds) {
        Set<String> shipped = shippedVersions();
        if (shipped.isEmpty()) {
            return false;
        }
        try (Connection c = ds.getConnection()) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select \"version\", \"type\", \"success\" from \"flyway_schema_history\"")) {
                Set<String> applied = new HashSet<>();
                while (rs.next()) {
                    String type = rs.getString(2);
                    if (!rs.getBoolean(3)) {
                        return false;
                    }
                    if ("SQL".equals(type) && rs.getString(1) != null) {
                        applied.add(rs.getString(1));
                    } else if (!NOTES.contains(type)) {
                        return false;
                    }
                }
                return applied.equals(shipped);
            } finally {
                c.rollback(); // PostgreSQL: leave no aborted transaction on the pooled connection
            }
        } catch (SQLException e) {
            return false; // e.g. a new database without a history table yet
        }
    }

    /** The versions of the migration files on the class path ("1", "2", …); empty when they cannot all be read. */
    static Set<String> shippedVersions() {
        Set<String> versions = new HashSet<>();
        try {
            for (URL folder : Collections.list(MigrationCheck.class.getClassLoader().getResources(FOLDER))) {
                for (String name : fileNames(folder)) {
                    Matcher m = VERSIONED.matcher(name);
                    if (!m.matches()) {
                        return Set.of();
                    }
                    versions.add(m.group(1).replace('_', '.'));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Set.of();
        }
        return versions;
    }

    private static Set<String> fileNames(URL folder) throws IOException, URISyntaxException {
        Set<String> names = new HashSet<>();
        switch (folder.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                    files.forEach(f -> names.add(f.getFileName().toString()));
                }
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) folder.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(FOLDER + "/") && n.length() > FOLDER.length() + 1 && !n.endsWith("/"))
                            .forEach(n -> names.add(n.substring(FOLDER.length() + 1)));
                }
            }
            default -> throw new IOException("cannot list " + folder);
        }
        return names;
    }
}
