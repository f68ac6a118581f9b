package dev.changebot.application;

import dev.changebot.domain.approval.ChainProgress;
import dev.changebot.domain.change.Change;

/** A change with what a reader needs beside it: its class's label and where it stands on its approval ladder. */
public record ChangeView(Change change, String classLabel, ChainProgress ladder) {
}
