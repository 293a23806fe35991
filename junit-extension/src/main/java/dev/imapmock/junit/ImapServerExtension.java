package dev.imapmock.junit;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.ServerTls;
import dev.imapmock.junit.ImapServer.Lifecycle;
import dev.imapmock.journal.Journal;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The JUnit 5 extension behind {@link ImapServer}. Use the annotation, or register an instance for
 * full control:
 *
 * <pre>{@code
 * @RegisterExtension
 * static ImapServerExtension imap = ImapServerExtension.builder()
 *         .user("alice", "secret")
 *         .fixtures("mail/alice")
 *         .configure(server -> server.maxLineLength(1024))
 *         .build();
 * }</pre>
 *
 * <p>Either way it starts a server on a free port of {@code 127.0.0.1} before each test (or once
 * per class with {@link Lifecycle#PER_CLASS}), injects {@link ImapMockServer} and {@link Journal}
 * parameters into test methods, lifecycle methods and constructors, and closes the server after the
 * test, whether it passed or not. When a test fails, the session transcript (every command the
 * server received, with its outcome, passwords masked) is attached to the failure as a suppressed
 * exception. {@link ImapFault} rules are added to the server before each test.
 *
 * <p>Servers live in the JUnit {@link ExtensionContext.Store} of the test (or class) they belong to,
 * so the extension works with {@code @Nested}, parameterized and repeated tests and parallel
 * execution. An instance holds no servers itself; {@link #server()} only looks up the server of the
 * test running on the calling thread.
 */
public final class ImapServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final String PUSHED = "pushed";
    private static final String FAULTS = "faults";

    /** Null for the annotation-driven instance JUnit creates; the builder's settings otherwise. */
    private final Settings fixed;
    /** The servers of the tests and classes running on each thread, innermost on top; see {@link #server()}. */
    private final ThreadLocal<Deque<ImapMockServer>> current = ThreadLocal.withInitial(ArrayDeque::new);

    /** Used by JUnit for {@code @ImapServer} and {@code @ExtendWith(ImapServerExtension.class)}; reads the annotations. */
    public ImapServerExtension() {
        this(null);
    }

    private ImapServerExtension(Settings fixed) {
        this.fixed = fixed;
    }

    /**
     * Settings for an extension to register with {@code @RegisterExtension}; annotations are then not read.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The server of the test (or, in {@code @BeforeAll}/{@code @AfterAll} with
     * {@link Lifecycle#PER_CLASS}, of the class) running on the calling thread.
     *
     * @throws IllegalStateException outside a test of a class that registers this extension, or on
     *                               another thread than the test's (inject the server there instead)
     * @return the server
     */
    public ImapMockServer server() {
        ImapMockServer server = current.get().peek();
        if (server == null) {
            throw new IllegalStateException("No IMAP server is running for this thread: server() works on the thread "
                    + "of a test or lifecycle method of a class that registers this extension (with lifecycle "
                    + "PER_CLASS also in @BeforeAll/@AfterAll); elsewhere, inject ImapMockServer as a parameter");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Placement placement = placement(context);
        if (placement != null) {
            push(context, serverOf(placement));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        pop(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Placement placement = placement(context);
        ImapMockServer server = serverOf(placement);
        if (placement.shared()) {
            server.journal().clear();
            server.faults().reset();
        }
        push(context, server);
        context.getStore(namespace()).put(FAULTS + " " + context.getUniqueId(),
                DeclaredFaults.apply(server, classContexts(context), context));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Placement placement = placement(context);
        ImapMockServer server = placement == null ? null : existingServer(context);
        pop(context);
        if (server != null && placement.settings().strictClient() && context.getExecutionException().isEmpty()) {
            ImapAssertions.assertThat(server.clientReport()).hasNoViolations();
        }
        DeclaredFaults faults = context.getStore(namespace()).remove(FAULTS + " " + context.getUniqueId(),
                DeclaredFaults.class);
        if (faults != null && context.getExecutionException().isEmpty()) {
            faults.check();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type != ImapMockServer.class && type != Journal.class && type != ServerTls.class) {
            return false;
        }
        if (fixed != null) {
            List<Field> fields = new ArrayList<>();
            for (ExtensionContext c : classContexts(context)) {
                fields.addAll(Declarations.extensionFields(c.getRequiredTestClass()));
            }
            if (fields.size() > 1) {
                throw new ParameterResolutionException("Cannot inject " + type.getSimpleName() + " into "
                        + parameter.getDeclaringExecutable() + ": " + fields.size() + " ImapServerExtension fields are registered ("
                        + fields.stream().map(Declarations::describe).collect(Collectors.joining(", "))
                        + "); call server() on the one you mean instead");
            }
        }
        return true;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Placement placement = placement(context);
        if (placement == null) {
            throw new ParameterResolutionException("Cannot inject " + parameter.getParameter().getType().getSimpleName()
                    + " into " + parameter.getDeclaringExecutable() + ": with lifecycle PER_METHOD each test has its own "
                    + "server, so there is none for the class; use lifecycle PER_CLASS or inject it into the test method");
        }
        ImapMockServer server = serverOf(placement);
        Class<?> type = parameter.getParameter().getType();
        if (type == ServerTls.class) {
            try {
                return server.tls();
            } catch (IllegalStateException e) {
                throw new ParameterResolutionException("Cannot inject ServerTls into " + parameter.getDeclaringExecutable()
                        + ": the server does not speak TLS; use @ImapServer(tls = true)");
            }
        }
        return type == Journal.class ? server.journal() : server;
    }

    /**
     * Resolve constructor parameters in the test method's context (JUnit 5.12+), so a test class
     * constructed per method gets that method's server.
     */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw attachTranscript(context, throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw attachTranscript(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw attachTranscript(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw attachTranscript(context, throwable);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw attachTranscript(context, throwable);
    }

    private Throwable attachTranscript(ExtensionContext context, Throwable throwable) {
        if (throwable instanceof ImapAssertionError) {
            return throwable;
        }
        for (Throwable s : throwable.getSuppressed()) {
            if (s instanceof SessionTranscript) {
                return throwable;
            }
        }
        ImapMockServer server;
        try {
            server = existingServer(context);
        } catch (RuntimeException e) {
            return throwable;
        }
        if (server != null) {
            throwable.addSuppressed(new SessionTranscript(server));
        }
        return throwable;
    }

    /** Where a context's server lives and what it looks like; null when a class context has no server of its own. */
    private record Placement(ExtensionContext home, Settings settings, boolean shared) {
        String key() {
            return "server " + home.getUniqueId();
        }
    }

    private ExtensionContext.Namespace namespace() {
        return ExtensionContext.Namespace.create(ImapServerExtension.class, this);
    }

    private ImapMockServer serverOf(Placement placement) {
        return placement.home().getStore(namespace())
                .getOrComputeIfAbsent(placement.key(), k -> new ServerResource(placement.settings().start()), ServerResource.class)
                .server();
    }

    private ImapMockServer existingServer(ExtensionContext context) {
        Placement placement = placement(context);
        if (placement == null) {
            return null;
        }
        ServerResource resource = placement.home().getStore(namespace()).get(placement.key(), ServerResource.class);
        return resource == null ? null : resource.server();
    }

    private void push(ExtensionContext context, ImapMockServer server) {
        current.get().push(server);
        context.getStore(namespace()).put(PUSHED + " " + context.getUniqueId(), Boolean.TRUE);
    }

    private void pop(ExtensionContext context) {
        if (context.getStore(namespace()).remove(PUSHED + " " + context.getUniqueId()) != null) {
            Deque<ImapMockServer> stack = current.get();
            stack.poll();
            if (stack.isEmpty()) {
                current.remove();
            }
        }
    }

    private Placement placement(ExtensionContext context) {
        return fixed != null ? fixedPlacement(context) : annotatedPlacement(context);
    }

    private Placement fixedPlacement(ExtensionContext context) {
        if (fixed.lifecycle() == Lifecycle.PER_CLASS) {
            List<ExtensionContext> classes = classContexts(context);
            Collections.reverse(classes);
            for (ExtensionContext c : classes) {
                if (declaresThis(c.getRequiredTestClass())) {
                    return new Placement(c, fixed, true);
                }
            }
            return classes.isEmpty() ? null : new Placement(classes.get(0), fixed, true);
        }
        return context.getTestMethod().isPresent() ? new Placement(context, fixed, false) : null;
    }

    private boolean declaresThis(Class<?> testClass) {
        for (Field field : Declarations.extensionFields(testClass)) {
            if (!Modifier.isStatic(field.getModifiers())) {
                return true;
            }
            try {
                field.setAccessible(true);
                if (field.get(null) == this) {
                    return true;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                return true;
            }
        }
        return false;
    }

    private Placement annotatedPlacement(ExtensionContext context) {
        Settings settings = Settings.DEFAULTS;
        ExtensionContext annotatedClass = null;
        Optional<Declarations.Found> first = Optional.empty();
        List<Field> fields = new ArrayList<>();
        for (ExtensionContext c : classContexts(context)) {
            Optional<Declarations.Found> found = Declarations.find(c.getRequiredTestClass());
            if (found.isPresent()) {
                settings = settings.with(found.get().annotation(), found.get().origin());
                annotatedClass = c;
                first = first.isPresent() ? first : found;
            }
            fields.addAll(Declarations.extensionFields(c.getRequiredTestClass()));
        }
        Optional<Declarations.Found> onMethod = context.getTestMethod().flatMap(Declarations::find);
        first = first.isPresent() ? first : onMethod;
        if (!fields.isEmpty() && first.isPresent()) {
            throw new ExtensionConfigurationException(first.get().origin() + " conflicts with the ImapServerExtension "
                    + "registered in " + fields.stream().map(Declarations::describe).collect(Collectors.joining(", "))
                    + "; configure the server one way only");
        }
        if (onMethod.isPresent()) {
            Declarations.Found found = onMethod.get();
            if (found.annotation().lifecycle() == Lifecycle.PER_CLASS) {
                throw new ExtensionConfigurationException(found.origin()
                        + ": lifecycle PER_CLASS is only allowed on a class; a method-level @ImapServer always gives "
                        + "the test a server of its own");
            }
            return new Placement(context, settings.with(found.annotation(), found.origin()), false);
        }
        if (settings.lifecycle() == Lifecycle.PER_CLASS) {
            return new Placement(annotatedClass, settings, true);
        }
        return context.getTestMethod().isPresent() ? new Placement(context, settings, false) : null;
    }

    /** The class contexts from the outermost enclosing class down to the context's own class. */
    private static List<ExtensionContext> classContexts(ExtensionContext context) {
        List<ExtensionContext> classes = new ArrayList<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext ctx = c.get();
            if (ctx.getTestClass().isPresent() && ctx.getTestMethod().isEmpty()) {
                classes.add(ctx);
            }
        }
        Collections.reverse(classes);
        return classes;
    }

    /** Settings for an {@link ImapServerExtension} registered with {@code @RegisterExtension}. */
    public static final class Builder {
        private final List<Settings.User> users = new ArrayList<>();
        private final List<String> fixtures = new ArrayList<>();
        private final Set<Extension> without = EnumSet.noneOf(Extension.class);
        private final Set<Extension> with = EnumSet.noneOf(Extension.class);
        private Lifecycle lifecycle = Lifecycle.PER_METHOD;
        private Consumer<ImapMockServer.Builder> customizer = b -> { };

        private Builder() {
        }

        /**
         * Adds a user; without any, the server has the one user {@value ImapServer#DEFAULT_USER}.
         *
         * @param name the user name
         * @param password the password, maybe empty
         * @return this builder
         */
        public Builder user(String name, String password) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            return users(name + ":" + password);
        }

        /**
         * Adds users given as {@code "name:password"}, as in {@link ImapServer#users()}.
         *
         * @param specs the users, each {@code "name:password"}
         * @return this builder
         */
        public Builder users(String... specs) {
            for (String spec : specs) {
                Settings.User user = Settings.parseUser(spec, "ImapServerExtension.builder()");
                if (users.stream().anyMatch(u -> u.name().equals(user.name()))) {
                    throw new IllegalArgumentException("User given twice: " + user.name());
                }
                users.add(user);
            }
            return this;
        }

        /**
         * Adds fixtures to seed, as in {@link ImapServer#fixtures()}.
         *
         * @param specs the fixture specs, as {@link ImapServer#fixtures()} takes them
         * @return this builder
         */
        public Builder fixtures(String... specs) {
            for (String spec : specs) {
                fixtures.add(Objects.requireNonNull(spec, "spec"));
            }
            return this;
        }

        /**
         * Leaves extensions out of each server, as in {@link ImapServer#without()}.
         *
         * @param extensions the extensions to leave out
         * @return this builder
         */
        public Builder without(Extension... extensions) {
            for (Extension e : extensions) {
                without.add(Objects.requireNonNull(e, "extension"));
            }
            return this;
        }

        /**
         * Turns on extensions that are off by default, as in {@link ImapServer#with()}.
         *
         * @param extensions the extensions to turn on
         * @return this builder
         */
        public Builder with(Extension... extensions) {
            for (Extension e : extensions) {
                with.add(Objects.requireNonNull(e, "extension"));
            }
            return this;
        }

        /**
         * {@link Lifecycle#PER_METHOD} (the default) or {@link Lifecycle#PER_CLASS}.
         *
         * @param lifecycle the lifecycle
         * @return this builder
         */
        public Builder lifecycle(Lifecycle lifecycle) {
            this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /**
         * Further server settings, applied to each server's builder after users and fixtures: limits,
         * timeouts, a clock, more fixtures. Host and port are always {@code 127.0.0.1} and a free port.
         *
         * @param customizer what to do to each server's builder
         * @return this builder
         */
        public Builder configure(Consumer<ImapMockServer.Builder> customizer) {
            Consumer<ImapMockServer.Builder> before = this.customizer;
            Objects.requireNonNull(customizer, "customizer");
            this.customizer = before.andThen(customizer);
            return this;
        }

        /** @return a new extension with the settings given to this builder so far */
        public ImapServerExtension build() {
            List<Settings.User> effectiveUsers = users.isEmpty() ? Settings.DEFAULTS.users() : users;
            return new ImapServerExtension(new Settings(effectiveUsers, fixtures, without, with, Settings.Tls.NONE,
                    List.of(), List.of(), -1, List.of(), "", lifecycle, "ImapServerExtension.builder()", customizer, "", false, -1));
        }
    }
}
