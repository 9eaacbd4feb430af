package com.kakehashi.common.sql;

import jakarta.persistence.EntityManager;

/**
 * Settings for a transaction whose work can be redone from its input: a chunk of a statement being stored or
 * a window of it being matched. Its commit need not wait for the WAL flush, because the step that completes
 * the work (the statement's PROCESSED, committed normally) flushes everything before it, and a crash before
 * that step leaves the intake PROCESSING, which is undone and processed again from the spooled file.
 * Sorts and hashes of a 100,000-line window get the memory to stay off disk.
 */
public final class RestartableWork {
    private RestartableWork() {}

    /** Applies to the current transaction only ({@code set_config(..., true)} is SET LOCAL). */
    public static void relax(EntityManager em) {
        em.createNativeQuery(
                        "select set_config('synchronous_commit', 'off', true), set_config('work_mem', '64MB', true)")
                .getSingleResult();
    }
}
