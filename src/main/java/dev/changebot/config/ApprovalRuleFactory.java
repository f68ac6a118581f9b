package dev.changebot.config;

import dev.changebot.domain.approval.ApprovalRule;
import dev.changebot.domain.approval.PolicyApprovalRule;
import dev.changebot.domain.policy.Policy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Approvals follow the loaded policy. */
@Factory
class ApprovalRuleFactory {

    @Singleton
    ApprovalRule approvalRule(Policy policy) {
        return new PolicyApprovalRule(policy);
    }
}
