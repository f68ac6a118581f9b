package dev.changebot.persistence.gate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.domain.gate.GateReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A check's reasons as the reasons column keeps them: [{code, text, until?}]. */
final class ReasonsJson {

    private ReasonsJson() {
    }

    static String write(List<GateReason> reasons) {
        var array = new JsonArray();
        for (var reason : reasons) {
            var object = new JsonObject();
            object.addProperty("code", reason.code());
            object.addProperty("text", reason.text());
            reason.until().ifPresent(until -> object.addProperty("until", until.toString()));
            array.add(object);
        }
        return array.toString();
    }

    static List<GateReason> read(String json) {
        var reasons = new ArrayList<GateReason>();
        for (var element : JsonParser.parseString(json).getAsJsonArray()) {
            var object = element.getAsJsonObject();
            var until = object.has("until") ? Optional.of(Instant.parse(object.get("until").getAsString()))
                    : Optional.<Instant>empty();
            reasons.add(new GateReason(object.get("code").getAsString(), object.get("text").getAsString(), until));
        }
        return reasons;
    }
}
