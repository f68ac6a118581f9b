package dev.changebot.config;

import dev.changebot.domain.approval.AnyoneButTheRequester;
import dev.changebot.domain.approval.ApprovalRule;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Which approval rule applies. A fixed rule until the policy file drives it. */
@Factory
class ApprovalRuleFactory {

    @Singleton
    ApprovalRule approvalRule() {
        return new AnyoneButTheRequester();
    }
}
