package dev.changebot.slack.http;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;

/**
 * Bolt's block-action request around a payload parsed already, by {@link BoltRequests}' one shared
 * Gson. Bolt's own constructor parses the payload with a Gson built for that one request, so Gson
 * rebuilt its reflective adapters for the whole payload class tree on every click (40 % of the
 * approve path's CPU, docs/performance/ack-path-issue-11.md). Given no payload text, that constructor parses nothing;
 * the context is then filled here exactly as it would have filled it.
 */
final class PreparsedBlockActionRequest extends BlockActionRequest {

    private final BlockActionPayload payload;

    PreparsedBlockActionRequest(String requestBody, BlockActionPayload payload, RequestHeaders headers) {
        super(requestBody, null, headers);
        this.payload = payload;
        if (payload == null) {
            return;
        }
        // As BlockActionRequest's constructor in Bolt 1.48 (keep in step when Bolt is upgraded;
        // BoltRequestsTest compares the two).
        var context = getContext();
        context.setFunctionBotAccessToken(payload.getBotAccessToken());
        context.setResponseUrl(payload.getResponseUrl());
        context.setTriggerId(payload.getTriggerId());
        if (payload.getTriggerId() == null && payload.getInteractivity() != null
                && payload.getInteractivity().getInteractivityPointer() != null) {
            context.setTriggerId(payload.getInteractivity().getInteractivityPointer());
        }
        if (payload.getEnterprise() != null) {
            context.setEnterpriseId(payload.getEnterprise().getId());
        } else if (payload.getTeam() != null) {
            context.setEnterpriseId(payload.getTeam().getEnterpriseId());
        }
        if (payload.getTeam() != null && payload.getTeam().getId() != null) {
            context.setTeamId(payload.getTeam().getId());
        } else if (payload.getUser() != null && payload.getUser().getTeamId() != null) {
            context.setTeamId(payload.getUser().getTeamId());
        }
        context.setRequestUserId(payload.getUser().getId());
        if (payload.getFunctionData() != null) {
            context.setFunctionExecutionId(payload.getFunctionData().getExecutionId());
        }
    }

    @Override
    public BlockActionPayload getPayload() {
        return payload;
    }
}
