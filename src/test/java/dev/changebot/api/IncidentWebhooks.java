package dev.changebot.api;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the incident flow tests send and read: providers' payloads shaped as each provider documents
 * them, signatures computed here from the providers' specs (not with the app's code), and what the
 * change channel was told.
 */
final class IncidentWebhooks {

    static final String PD_SECRET_OLD = "pd-old-secret";
    static final String PD_SECRET = "pd-new-secret";
    /** An incident.io signing secret: whsec_ and base64. */
    static final String IO_SECRET = "whsec_"
            + Base64.getEncoder().encodeToString("incident-io-key".getBytes(StandardCharsets.UTF_8));
    static final String GENERIC_SECRET = "generic-secret";

    static final String PAYMENTS_CHECK =
            "{\"service\": \"payments-api\", \"environment\": \"production\", \"sha\": \"0a1b2c3d4e5f\"}";
    static final String CHAT_CHECK =
            "{\"service\": \"chat\", \"environment\": \"production\", \"sha\": \"0a1b2c3d4e5f\"}";

    private IncidentWebhooks() {
    }

    /** A PagerDuty v3 webhook as PagerDuty's docs show one ("The server is on fire.", service PIJ90N7, P1). */
    static String pagerDuty(String eventId, String eventType, String status, String occurredAt) {
        return """
                {"event":{"id":"%s","event_type":"%s","resource_type":"incident","occurred_at":"%s",
                "agent":{"html_url":"https://acme.pagerduty.com/users/PXPGF42","id":"PXPGF42",\
                "self":"https://api.pagerduty.com/users/PXPGF42","summary":"Earline Greenholt","type":"user_reference"},
                "client":{"name":"PagerDuty"},
                "data":{"id":"PT4KHLK","type":"incident","self":"https://api.pagerduty.com/incidents/PT4KHLK",
                "html_url":"https://acme.pagerduty.com/incidents/PT4KHLK","number":1234,"status":"%s",
                "incident_key":"baf7cf21b1da41b4b0221008339ff357","created_at":"2026-03-10T09:58:00Z",\
                "title":"The server is on fire.",
                "service":{"html_url":"https://acme.pagerduty.com/service-directory/PIJ90N7","id":"PIJ90N7",\
                "self":"https://api.pagerduty.com/services/PIJ90N7","summary":"My Mail Service",\
                "type":"service_reference"},
                "assignees":[],\
                "escalation_policy":{"id":"PUS0KTE","type":"escalation_policy_reference","summary":"Default"},
                "teams":[],\
                "priority":{"html_url":"https://acme.pagerduty.com/account/incident_priorities","id":"PSO75BM",\
                "self":"https://api.pagerduty.com/priorities/PSO75BM","summary":"P1","type":"priority_reference"},
                "urgency":"high","conference_bridge":null,"resolve_reason":null}}}
                """.formatted(eventId, eventType, occurredAt, status);
    }

    /** The body to PagerDuty's webhook, signed as PagerDuty signs it with {@code secret}. */
    static HttpResponse<String> postPagerDuty(GateFixture gate, String body, String secret) {
        var signature = hex(hmac(secret.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));
        return gate.postWith("/webhooks/pagerduty", Map.of("X-PagerDuty-Signature", "v1=" + signature), body);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** What the change channel was told so far: posts to a channel are paced (~1/s), so the clock moves between. */
    static List<String> channelPosts(GateFixture gate) {
        for (int i = 0; i < 5; i++) {
            gate.app.deliverOutbox();
            gate.clock.advance(Duration.ofSeconds(2));
        }
        return gate.slack.calls("chat.postMessage").stream().filter(c -> GateFixture.CHANNEL.equals(c.param("channel")))
                .map(c -> c.param("text")).toList();
    }
}
