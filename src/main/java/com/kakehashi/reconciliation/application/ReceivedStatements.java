package com.kakehashi.reconciliation.application;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import com.kakehashi.reconciliation.domain.ReceivedStatement;
import com.kakehashi.reconciliation.infra.ReceivedStatementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The statements received, for lists (the console's statements page); a bank sees only its own. */
@ApplicationScoped
public class ReceivedStatements {
    @Inject
    ReceivedStatementRepository repository;

    /** Newest first; {@code bankScope} present limits the list to that bank. */
    @Transactional
    public List<ReceivedStatement> page(Optional<String> bankScope, int page, int size) {
        return repository.page(bankScope.orElse(null), page * size, size);
    }

    /** The statement, if {@code bankScope} (when present) is its bank; another bank's statement does not exist. */
    @Transactional
    public ReceivedStatement visible(Optional<String> bankScope, UUID id) {
        return repository
                .byId(id)
                .filter(st -> bankScope.map(st.bankId()::equals).orElse(true))
                .orElseThrow(() -> new BusinessException(ErrorCode.STATEMENT_NOT_FOUND, "No statement " + id));
    }
}
