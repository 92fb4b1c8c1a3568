/**
 * Start-up benchmark support, shipped in the image but reachable only through the hidden {@code --bench-*} flags
 * and the {@code recruitdesk.startupProbe} system property: the probe that prints start-up milestones, a bare
 * JavaFX window to compare against, and a seeder for a home folder with many slots. See installer/bench-startup.sh.
 */
package dev.recruitdesk.bench;
