package dev.recruitdesk.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the embedded H2 database into an empty PostgreSQL database when a console becomes a team: both schemas are
 * brought to the same Flyway version, every table is copied in foreign-key order in one target transaction with
 * batched inserts, identity sequences are moved past the copied ids, and the row counts are compared before the
 * commit. Tables come from the schema itself, so tables added by later migrations are copied too.
 */
public final class DatabaseCopy {

    /** Rows of one table in the source and, after the copy, in the target. */
    public record TableCount(String table, long source, long target) {
    }

    /** The target already holds data; copying into it would mix two databases. */
    public static final class TargetNotEmptyException extends RuntimeException {
        public TargetNotEmptyException(String message) {
            super(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseCopy.class);
    private static final int BATCH = 500;
    /** Flyway's own bookkeeping, and the lease row that describes a running process rather than data. */
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "service_lease");

    private DatabaseCopy() {
    }

    /**
     * Copies {@code source} into {@code target}.
     *
     * @throws TargetNotEmptyException if any table of the target has rows
     */
    public static List<TableCount> copy(DatabaseSettings source, DatabaseSettings target) {
        if (!target.isPostgres()) {
            throw new IllegalArgumentException("the target must be a jdbc:postgresql: URL, not " + target.location());
        }
        try (Connection to = target.openDedicated("recruitdesk-migrate", Duration.ofMinutes(10))) {
            refuseNonEmpty(to, target);
            migrate(source);
            migrate(target);
            try (Connection from = source.openDedicated("recruitdesk-migrate", Duration.ofMinutes(10))) {
                return copyAll(from, to);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("copy to " + target.location() + " failed: " + e.getMessage(), e);
        }
    }

    private static void migrate(DatabaseSettings settings) {
        Flyway.configure()
                .dataSource(settings.url(), settings.user(), settings.password())
                .locations(Database.MIGRATIONS)
                .load()
                .migrate();
    }

    private static void refuseNonEmpty(Connection c, DatabaseSettings target) throws SQLException {
        List<String> withRows = new ArrayList<>();
        for (String table : tables(c)) {
            if (!table.equals("flyway_schema_history") && count(c, table) > 0) {
                withRows.add(table);
            }
        }
        if (!withRows.isEmpty()) {
            throw new TargetNotEmptyException("The target database " + target.location() + " is not empty (rows in "
                    + String.join(", ", withRows) + "). Copy only into a new, empty database.");
        }
    }

    private static List<TableCount> copyAll(Connection from, Connection to) throws SQLException {
        from.setReadOnly(true);
        to.setAutoCommit(false);
        try {
            List<String> order = foreignKeyOrder(from);
            Map<String, Long> copied = new LinkedHashMap<>();
            for (String table : order) {
                copied.put(table, copyTable(from, to, table));
            }
            List<TableCount> counts = new ArrayList<>();
            for (String table : order) {
                long source = count(from, table);
                long target = count(to, table);
                if (source != target || source != copied.get(table)) {
                    throw new IllegalStateException("table " + table + ": " + source + " rows in the source, " + target
                            + " in the target; nothing was committed");
                }
                counts.add(new TableCount(table, source, target));
                resetIdentities(to, table);
            }
            to.commit();
            counts.forEach(t -> log.info("migrate.table name={} rows={}", t.table(), t.target()));
            return counts;
        } catch (SQLException | RuntimeException e) {
            to.rollback();
            throw e;
        }
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        List<String> columns = columns(from, table);
        String list = String.join(", ", columns);
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        long rows = 0;
        try (Statement st = from.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + list + " FROM " + table + " ORDER BY 1");
             PreparedStatement insert = to.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES (" + marks + ")")) {
            while (rs.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    insert.setObject(i, rs.getObject(i));
                }
                insert.addBatch();
                if (++rows % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            if (rows % BATCH != 0) {
                insert.executeBatch();
            }
        }
        return rows;
    }

    /** Moves each identity sequence past the copied ids, so the next insert does not collide. */
    private static void resetIdentities(Connection to, String table) throws SQLException {
        List<String> identities = new ArrayList<>();
        try (PreparedStatement ps = to.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? AND (is_identity = 'YES' OR column_default LIKE 'nextval%')")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    identities.add(rs.getString(1));
                }
            }
        }
        for (String column : identities) {
            // setval is strict: on an empty table MAX is NULL and the sequence stays where it is
            try (PreparedStatement ps = to.prepareStatement(
                    "SELECT setval(pg_get_serial_sequence(?, ?), (SELECT MAX(" + column + ") FROM " + table + "))")) {
                ps.setString(1, table);
                ps.setString(2, column);
                ps.execute();
            }
        }
    }

    /** The tables to copy, parents before children (ties by name, so the order is stable). */
    private static List<String> foreignKeyOrder(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String table : tables(c)) {
            if (!NOT_COPIED.contains(table)) {
                parents.put(table, new TreeSet<>());
            }
        }
        for (String table : parents.keySet()) {
            try (ResultSet rs = md.getImportedKeys(null, c.getSchema(), metaName(c, table))) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table) && parents.containsKey(parent)) {
                        parents.get(table).add(parent);
                    }
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < parents.size()) {
            String next = parents.entrySet().stream()
                    .filter(e -> !order.contains(e.getKey()) && order.containsAll(e.getValue()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign keys form a cycle among " + parents.keySet()));
            order.add(next);
        }
        return order;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), metaName(c, table), "%")) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
    private static String metaName(Connection c, String table) throws SQLException {
        return c.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
