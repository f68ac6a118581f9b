package dev.changebot.domain.audit;

import static dev.changebot.domain.audit.ChainFixture.CHAIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.audit.TrailCheck.Mark;
import dev.changebot.domain.audit.TrailCheck.RecordedCheckpoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What `/change audit` may call verified: the chain up to a validly signed checkpoint at or after the entry. */
class TrailCheckTest {

    static final SigningKey KEY = SigningKey.generate("changebot-audit");
    static final SigningKey OTHER = SigningKey.generate("changebot-audit");

    final List<ChainEntry> chain = ChainFixture.chain(5); // 11 entries

    @Test
    @DisplayName("entries up to a signed checkpoint that agrees are verified; later ones are chained, not yet checkpointed")
    void intact() {
        var check = check(chain, List.of(recorded(6, KEY)), 8);
        assertThat(check.readUpTo()).as("no checkpoint covers seq 8: read up to it").isEqualTo(8);
        assertThat(check.verdict(2).mark()).isEqualTo(Mark.VERIFIED);
        assertThat(check.verdict(6).mark()).isEqualTo(Mark.VERIFIED);
        assertThat(check.verdict(7).mark()).isEqualTo(Mark.CHAINED_NOT_CHECKPOINTED);
        assertThat(check.firstBreak()).isEmpty();
    }

    @Test
    @DisplayName("the chain is read only up to the smallest signed checkpoint covering the last entry wanted")
    void readsOnlyWhatIsNeeded() {
        var check = check(chain, List.of(recorded(4, KEY), recorded(9, KEY), recorded(11, KEY)), 5);
        assertThat(check.readUpTo()).isEqualTo(9);
        assertThat(check.verdict(5).mark()).isEqualTo(Mark.VERIFIED);
        assertThat(check.verdict(5).detail()).contains("size 9");
    }

    @Test
    @DisplayName("a checkpoint whose signature does not verify with the configured key verifies nothing")
    void forgedSignature() {
        var check = check(chain, List.of(recorded(11, OTHER)), 11);
        assertThat(check.verdict(3).mark()).isEqualTo(Mark.NOT_VERIFIED);
        assertThat(check.verdict(3).detail()).contains("no valid signature by the configured public key");
    }

    @Test
    @DisplayName("an edited entry breaks the chain there: it and every entry after it are not verified")
    void tampered() {
        var edited = new ArrayList<>(chain);
        var original = chain.get(3);
        edited.set(3, new ChainEntry(original.chainId(), original.seq(), original.prevHash(), original.hash(),
                original.body().replace("U0DEV", "U0MALLORY"), null));
        var check = check(edited, List.of(recorded(11, KEY)), 11);
        assertThat(check.firstBreak()).hasValueSatisfying(b -> assertThat(b).startsWith("seq 4: its hash is not SHA-256"));
        assertThat(check.verdict(3)).as("before the break, but the chain up to its checkpoint does not re-hash")
                .isEqualTo(new TrailCheck.Verdict(Mark.NOT_VERIFIED,
                        "the chain breaks at seq 4, before the signed checkpoint of size 11 that covers it"));
        assertThat(check.verdict(4).mark()).isEqualTo(Mark.BROKEN);
        assertThat(check.verdict(9).detail()).isEqualTo("after the break at seq 4");
    }

    @Test
    @DisplayName("a chain rewritten and re-hashed no longer agrees with the signed checkpoint")
    void rewrittenAndRehashed() {
        var rewritten = ChainFixture.relinked(chain.subList(1, chain.size()));
        var check = check(rewritten, List.of(recorded(10, KEY)), 10);
        assertThat(check.firstBreak()).isEmpty();
        assertThat(check.verdict(5).mark()).isEqualTo(Mark.NOT_VERIFIED);
        assertThat(check.verdict(5).detail()).contains("does not agree with the chain");
    }

    private RecordedCheckpoint recorded(long size, SigningKey key) {
        return new RecordedCheckpoint(size, ChainFixture.checkpoint(chain, size, key));
    }

    private static TrailCheck check(List<ChainEntry> entries, List<RecordedCheckpoint> checkpoints, long lastWanted) {
        var check = new TrailCheck(CHAIN, checkpoints, List.of(KEY.verifierKey()), lastWanted);
        entries.stream().filter(e -> e.seq() <= check.readUpTo())
                .forEach(e -> check.accept(e.seq(), e.prevHash(), e.hash(), e.body()));
        check.finish();
        return check;
    }
}
