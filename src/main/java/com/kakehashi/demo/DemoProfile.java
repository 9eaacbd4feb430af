package com.kakehashi.demo;

import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import io.quarkus.runtime.configuration.ConfigUtils;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The demo's own guards. Demo classes exist only in builds of the demo profile, and even there they
 * stay inert unless the <em>runtime</em> profile is demo too: a demo build started in prod serves no
 * demo endpoint, no sandbox bank and seeds nothing. Demo tokens are minted for loopback callers only.
 */
public final class DemoProfile {
    public static final String NAME = "demo";

    private DemoProfile() {}

    /** True when the running application's profiles include demo. */
    public static boolean active() {
        return activeIn(ConfigUtils.getProfiles());
    }

    static boolean activeIn(List<String> runtimeProfiles) {
        return runtimeProfiles != null && runtimeProfiles.contains(NAME);
    }

    /** Demo endpoints answer 404, as if absent, unless the runtime profile is demo. */
    public static void requireActive() {
        if (!active()) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such resource");
        }
    }

    /** Whether a peer address (as the HTTP layer reports it) is this machine's loopback. */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank() || !host.matches("[0-9A-Fa-f:.\\[\\]]+")) {
            return false; // only literal addresses: a name is never resolved here
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
