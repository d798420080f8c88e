package no.tolk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import no.tolk.config.Settings;
import no.tolk.review.Accounts;
import no.tolk.review.DeskConfiguration;
import no.tolk.review.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tolk user add|passwd|remove|list}: the review desk's users (docs/desk.md). */
@Command(name = "user", description = "Manage review desk users: add, passwd, remove, list.",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Remove.class, UserCommand.ListUsers.class})
public class UserCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Accounts accounts(HomeOption home) {
        Settings settings = Settings.load(home.resolve());
        return new Accounts(DeskConfiguration.usersFile(settings.home(), settings.get("tolk.desk.users-file", "")));
    }

    /** The password from the terminal (asked twice), or one line of stdin when not on a terminal. */
    static String password() throws IOException {
        Console console = System.console();
        if (console != null) {
            String first = new String(console.readPassword("Password: "));
            String second = new String(console.readPassword("Again: "));
            if (!first.equals(second)) throw new IllegalArgumentException("the two passwords differ");
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) throw new IllegalArgumentException("no password given on standard input");
        return line;
    }

    @Command(name = "add", description = "Add a user; the password is asked for (or read from stdin).")
    static class Add implements Callable<Integer> {
        @Mixin
        HomeOption home;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--role", defaultValue = "reviewer", description = "reviewer (review, correct, approve, reject), editor (+ retry, publish now), admin (+ quarantine)")
        String role;

        @Override
        public Integer call() throws IOException {
            Accounts accounts = accounts(home);
            try {
                accounts.add(name, Role.parse(role), password());
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            System.out.println("Added " + name + " (" + Role.parse(role).label() + ") to " + accounts.file());
            return 0;
        }
    }

    @Command(name = "passwd", description = "Set a user's password (asked for, or read from stdin).")
    static class Passwd implements Callable<Integer> {
        @Mixin
        HomeOption home;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws IOException {
            try {
                accounts(home).passwd(name, password());
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            System.out.println("Password of " + name + " changed; sessions already open stay open until they expire.");
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a user.")
    static class Remove implements Callable<Integer> {
        @Mixin
        HomeOption home;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try {
                accounts(home).remove(name);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            System.out.println("Removed " + name + ".");
            return 0;
        }
    }

    @Command(name = "list", description = "List users and their roles.")
    static class ListUsers implements Callable<Integer> {
        @Mixin
        HomeOption home;

        @Override
        public Integer call() {
            accounts(home).list().forEach(user -> System.out.println(user.name() + "  " + user.role().label()));
            return 0;
        }
    }
}
