package com.kakehashi.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** {"roles":[null]} is a 400 problem, never a 500 (the demo build is not part of the test build, so checked here). */
class DemoTokenRequestTest {
    private final Validator validator = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    @Test
    void aNullRoleIsInvalid() {
        var request = new DemoTokenResource.TokenRequest("demo-traveller", Arrays.asList((String) null), null);
        assertThat(validator.validate(request))
                .extracting(v -> v.getPropertyPath().toString())
                .anyMatch(path -> path.startsWith("roles"));
    }

    @Test
    void namedRolesAreValid() {
        assertThat(validator.validate(new DemoTokenResource.TokenRequest("demo-traveller", List.of("traveller"), null)))
                .isEmpty();
    }
}
