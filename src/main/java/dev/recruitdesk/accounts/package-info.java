/**
 * Team mode's accounts: who is asking ({@link dev.recruitdesk.accounts.Caller}), what they may do, logging in,
 * and the audit of every recruiter action. Sits between {@code booking} (which checks scope and audits through
 * it) and {@code store}.
 */
package dev.recruitdesk.accounts;
