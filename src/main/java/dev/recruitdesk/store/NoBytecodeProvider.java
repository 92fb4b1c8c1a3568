package dev.recruitdesk.store;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Gives Hibernate its no-op bytecode provider instead of the ByteBuddy one, for a session factory that sets
 * {@link #SETTING}. Our entities refer to each other by plain ids (no associations) and nothing asks for a
 * reference proxy, so the lazy proxy classes and reflection optimizers ByteBuddy generates for every entity at
 * boot were never used: making them cost about 950 classes loaded and generated on each start, none of which the
 * class-data archive can hold. With this provider Hibernate reads and writes fields by reflection, and a
 * {@code getReference} or a lazy association would fail loudly instead of returning a proxy.
 *
 * <p>Found through {@code META-INF/services/org.hibernate.service.spi.ServiceContributor}; a service registry
 * without the setting keeps Hibernate's default.
 */
public final class NoBytecodeProvider implements ServiceContributor {

    /** Set to {@code true} to use the no-op provider. */
    public static final String SETTING = "recruitdesk.hibernate.noBytecodeProvider";

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        if (Boolean.parseBoolean(String.valueOf(builder.getSettings().get(SETTING)))) {
            // Hibernate's own provider for environments without runtime class generation (e.g. native images)
            builder.addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl());
        }
    }
}
