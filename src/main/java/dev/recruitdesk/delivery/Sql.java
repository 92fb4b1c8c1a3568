package dev.recruitdesk.delivery;

import dev.recruitdesk.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** JDBC bindings the delivery engine shares; {@code OffsetDateTime} is what both H2 and PostgreSQL map timestamptz to. */
final class Sql {

    /** SQLSTATE of a unique-constraint violation, the same on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant getInstant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static Long getLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A unit of JDBC work inside {@link #inTransaction}. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on a pooled connection in its own transaction: commit on return, roll back on a throw. */
    static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        return Database.inTransaction(dataSource, work::run);
    }

    /** Runs one statement binding {@code args} by their Java type ({@code null} lets the database infer it). */
    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            int index = i + 1;
            if (arg == null) {
                ps.setNull(index, Types.NULL);
            } else if (arg instanceof Instant) {
                setInstant(ps, index, (Instant) arg);
            } else if (arg instanceof Long) {
                ps.setLong(index, (Long) arg);
            } else if (arg instanceof Integer) {
                ps.setInt(index, (Integer) arg);
            } else if (arg instanceof Boolean) {
                ps.setBoolean(index, (Boolean) arg);
            } else if (arg instanceof String) {
                ps.setString(index, (String) arg);
            } else {
                throw new IllegalArgumentException("cannot bind " + arg.getClass());
            }
        }
    }

    /** Cuts error texts to the ledger's column width. */
    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
