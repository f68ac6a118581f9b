package dev.changebot.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The state answer gains the page's rendering beside each raw message and view, the raw JSON untouched. */
class RenderedJsonTest {

    private static final String STATE = """
            {"version":3,"bot":{"id":"U0BOT","bot_id":"B0BOT","name":"Changebot"},"clock":{"now":"2014-02-18T12:00:00Z","offset_seconds":0},
             "people":[{"id":"U0ALICE","name":"alice","real_name":"Alice Ng","tz":"Europe/London"}],
             "groups":[{"id":"S0SRE","handle":"sre-leads","users":[]}],
             "channels":[{"id":"C0CHANGES","name":"changes","is_im":false,"pinned_note":"Try `/change new`"}],
             "messages":{"C0CHANGES":[{"channel":"C0CHANGES","ts":"1.1","text":"fallback",
               "blocks":[{"type":"section","text":{"type":"mrkdwn","text":"<@U0ALICE> asks <@U0BOT> and <!subteam^S0SRE> in <#C0CHANGES> at <!date^1392734382^{time}|x>"}}]}]},
             "threads":{"C0CHANGES/1.1":[{"channel":"C0CHANGES","ts":"1.2","text":"a *reply*","blocks":[]}]},
             "ephemerals":[{"channel":"C0CHANGES","message":{"ts":"1.3","text":"only you","blocks":[]}}],
             "views":[{"id":"V1","type":"modal","view":{"type":"modal","title":{"type":"plain_text","text":"New"},"blocks":[]}}],
             "home":{"id":"V2","type":"home","view":{"type":"home","blocks":[{"type":"divider"}]}},
             "errors":[]}""";

    private static JsonObject rendered(String tz) {
        return RenderedJson.addTo(JsonParser.parseString(STATE).getAsJsonObject(), "U0ALICE", tz);
    }

    @Test
    void messagesShowNamesAndTimesInTheReadersZone() {
        var message = rendered("America/Los_Angeles").getAsJsonObject("messages").getAsJsonArray("C0CHANGES").get(0)
                .getAsJsonObject();
        assertThat(message.get("blocks").toString()).contains("<@U0ALICE>");
        var text = message.getAsJsonObject("rendered").getAsJsonArray("blocks").get(0).getAsJsonObject()
                .getAsJsonArray("text").toString();
        assertThat(text).contains("\"@alice\"", "\"@Changebot\"", "\"@sre-leads\"", "\"#changes\"", "\"6:39 AM\"");
    }

    @Test
    void withoutTheBrowsersZoneThePersonsOwnIsUsed() {
        assertThat(rendered(null).getAsJsonObject("messages").toString()).contains("\"2:39 PM\"");
        assertThat(rendered("Not/AZone").getAsJsonObject("messages").toString()).contains("\"2:39 PM\"");
    }

    @Test
    void threadsEphemeralsViewsHomeAndThePinnedNoteAreRenderedToo() {
        var state = rendered("UTC");
        assertThat(state.getAsJsonObject("threads").getAsJsonArray("C0CHANGES/1.1").get(0).getAsJsonObject()
                .get("rendered").toString()).contains("\"bold\"");
        assertThat(state.getAsJsonArray("ephemerals").get(0).getAsJsonObject().getAsJsonObject("message")
                .get("rendered").toString()).contains("only you");
        assertThat(state.getAsJsonArray("views").get(0).getAsJsonObject().getAsJsonObject("rendered")
                .get("title").getAsString()).isEqualTo("New");
        assertThat(state.getAsJsonObject("home").getAsJsonObject("rendered").toString()).contains("divider");
        assertThat(state.getAsJsonArray("channels").get(0).getAsJsonObject().get("rendered_note").toString())
                .contains("\"code\"", "/change new");
    }
}
