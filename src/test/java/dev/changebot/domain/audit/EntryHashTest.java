package dev.changebot.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EntryHashTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    @DisplayName("known answers, computed apart (Python hashlib): SHA-256 over the domain prefix, the previous hash and the UTF-8 body")
    void matchesAnIndependentComputation() {
        var first = EntryHash.of(EntryHash.genesis(), "{\"a\":1,\"b\":\"x\"}");
        assertThat(HEX.formatHex(first)).isEqualTo("d0281359308118e102e912cb753a2951cd933a570040e7c51ed3c1e98657bccd");
        assertThat(HEX.formatHex(EntryHash.of(first, "{\"é\":\"ü\"}")))
                .isEqualTo("604a20ce0835db87a1796ca5bb9b197e15e21652c05a364ca0eb3dac44693cfa");
    }

    @Test
    @DisplayName("a chain's first entry links to 32 zero bytes; a previous hash of another length is refused")
    void genesisIsThirtyTwoZeroBytes() {
        assertThat(EntryHash.genesis()).hasSize(32).containsOnly(0);
        assertThatThrownBy(() -> EntryHash.of(new byte[31], "{}")).isInstanceOf(IllegalArgumentException.class);
    }
}
