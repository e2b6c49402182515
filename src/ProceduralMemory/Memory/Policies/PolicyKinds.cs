namespace ProceduralMemory.Memory.Policies;

/// <summary>
/// The registry of policy kinds: the built-in ones (<see cref="MlpPolicyCodec"/>, <see cref="OpenLoopPolicyCodec"/>,
/// <see cref="ProcedurePolicyCodec"/>, <see cref="SkillChainPolicyCodec"/>)
/// and any a program registers before it opens a library holding its own kind.
/// </summary>
public static class PolicyKinds
{
    private static readonly NamedRegistry<IPolicyCodec> Codecs = new("policy kind", "PolicyKinds.Register",
        (MlpPolicy.KindName, new MlpPolicyCodec()), (OpenLoopPolicy.KindName, new OpenLoopPolicyCodec()),
        (Tools.Procedures.ProcedurePolicy.KindName, new ProcedurePolicyCodec()), (SkillChainPolicy.KindName, new SkillChainPolicyCodec()));

    /// <summary>Registers <paramref name="codec"/> for its kind; registering the same codec type again is allowed.</summary>
    /// <exception cref="ArgumentException">Another codec already has that kind name.</exception>
    public static void Register(IPolicyCodec codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        Codecs.Register(codec.Kind, codec);
    }

    /// <summary>The registered kind names, sorted.</summary>
    public static IReadOnlyList<string> Names => Codecs.Names;

    /// <summary>The codec of <paramref name="kind"/>.</summary>
    /// <exception cref="Store.LibraryException">No codec is registered for it.</exception>
    public static IPolicyCodec Get(string kind) => Codecs.Get(kind);
}
