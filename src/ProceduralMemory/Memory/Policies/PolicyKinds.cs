using System.Collections.Concurrent;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Memory.Policies;

/// <summary>
/// The registry of policy kinds: the built-in ones (<see cref="MlpPolicyCodec"/>, <see cref="OpenLoopPolicyCodec"/>)
/// and any a program registers before it opens a library holding its own kind.
/// </summary>
public static class PolicyKinds
{
    private static readonly ConcurrentDictionary<string, IPolicyCodec> Codecs = new(StringComparer.Ordinal)
    {
        [MlpPolicy.KindName] = new MlpPolicyCodec(),
        [OpenLoopPolicy.KindName] = new OpenLoopPolicyCodec(),
    };

    /// <summary>Registers <paramref name="codec"/> for its kind; registering the same codec type again is allowed.</summary>
    /// <exception cref="ArgumentException">Another codec already has that kind name.</exception>
    public static void Register(IPolicyCodec codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentException.ThrowIfNullOrWhiteSpace(codec.Kind);
        IPolicyCodec registered = Codecs.GetOrAdd(codec.Kind, codec);
        if (registered.GetType() != codec.GetType())
            throw new ArgumentException($"The policy kind '{codec.Kind}' is already registered by {registered.GetType().Name}.", nameof(codec));
    }

    /// <summary>The registered kind names, sorted.</summary>
    public static IReadOnlyList<string> Names => [.. Codecs.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The codec of <paramref name="kind"/>.</summary>
    /// <exception cref="LibraryException">No codec is registered for it.</exception>
    public static IPolicyCodec Get(string kind) =>
        Codecs.TryGetValue(kind, out IPolicyCodec? codec)
            ? codec
            : throw new LibraryException($"the policy kind '{kind}' is not registered (known kinds: {string.Join(", ", Names)}); register its codec with PolicyKinds.Register");
}
