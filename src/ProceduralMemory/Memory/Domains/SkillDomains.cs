namespace ProceduralMemory.Memory.Domains;

/// <summary>The registry of domains by name: the built-in <see cref="GridDomain"/> and <see cref="ToolDomain"/>, and any a program registers before it opens a library of its own domain.</summary>
public static class SkillDomains
{
    private static readonly NamedRegistry<ISkillDomain> Registered = new("domain", "SkillDomains.Register",
        (GridDomain.Instance.Name, GridDomain.Instance), (ToolDomain.Instance.Name, ToolDomain.Instance));

    /// <summary>Registers <paramref name="domain"/> under its name; registering the same domain type again is allowed.</summary>
    /// <exception cref="ArgumentException">Another domain already has that name.</exception>
    public static void Register(ISkillDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        Registered.Register(domain.Name, domain);
    }

    /// <summary>The domain called <paramref name="name"/>.</summary>
    /// <exception cref="Store.LibraryException">No domain of that name is registered.</exception>
    public static ISkillDomain Get(string name) => Registered.Get(name);
}
