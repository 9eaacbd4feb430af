package com.kakehashi.reconciliation.infra;

import com.kakehashi.reconciliation.domain.StatementEntry;
import com.kakehashi.reconciliation.domain.StatementHeader;

/**
 * Where a reader puts what it reads, as it reads it: a file may hold several statements, each
 * begun with its header before its first line and ended after its last. A line that cannot be read
 * is reported with its reason instead of refusing the whole file.
 */
public interface StatementSink {
    void begin(StatementHeader header);

    void entry(StatementEntry entry);

    void unprocessable(int seq, String reason);

    void end();
}
