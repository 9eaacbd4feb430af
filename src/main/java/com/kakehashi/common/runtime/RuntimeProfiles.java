package com.kakehashi.common.runtime;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Guards for code that may only run under a runtime profile (the demo's sandbox bank, for one), usable
 * from any feature without depending on the demo feature.
 */
public final class RuntimeProfiles {
    private RuntimeProfiles() {}

    public static boolean isActive(String profile) {
        return ConfigUtils.getProfiles().contains(profile);
    }

    /** Answers 404, as if the endpoint were absent, unless the running application's profiles include this one. */
    public static void requireActive(String profile) {
        if (!ConfigUtils.getProfiles().contains(profile)) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such resource");
        }
    }
}
