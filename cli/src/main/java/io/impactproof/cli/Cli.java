package io.impactproof.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code impactproof} command line: {@code impactproof verify <file>} checks a certificate (or
 * claim, attestation, retirement) credential offline or against a registry, and prints its chain;
 * {@code transfer}, {@code split} and {@code retire} act on a certificate with the holder's key;
 * {@code import} signs and submits a file of claims with the owner's key; {@code campaign} opens,
 * applies to, pays and exports pre-finance campaigns, each party with its own key.
 */
@Command(
        name = "impactproof",
        mixinStandardHelpOptions = true,
        version = "impactproof 0.1.0",
        description = "Works with impactproof credentials.",
        subcommands = {
            VerifyCommand.class,
            ImportCommand.class,
            Cli.Agent.class,
            CampaignCommand.class,
            HolderCommand.Transfer.class,
            HolderCommand.Split.class,
            HolderCommand.Retire.class
        })
public final class Cli {
    private Cli() {}

    /** {@code impactproof agent verifier|validator …}: a party's agent in its own process, with its own key. */
    @Command(
            name = "agent",
            mixinStandardHelpOptions = true,
            description = "Runs a party's agent with its own key against a registry.",
            subcommands = {VerifierAgentCommand.class, ValidatorAgentCommand.class})
    static final class Agent {}

    public static void main(final String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (0: verified, 1: failed, 2: usage, 3: incomplete with --strict). */
    public static int run(final String... args) {
        return new CommandLine(new Cli()).execute(args);
    }

    /** As {@link #run(String...)}, writing to {@code out}. */
    public static int run(final java.io.PrintWriter out, final String... args) {
        return new CommandLine(new Cli()).setOut(out).setErr(out).execute(args);
    }
}
