namespace ProceduralMemory.Neural;

/// <summary>The non-linearity applied after every hidden layer of an <see cref="Mlp"/> (never after the output).</summary>
public enum HiddenActivation : byte
{
    /// <summary>Rectified linear unit, <see cref="Neural.Relu"/>; weights use He (Kaiming) initialisation.</summary>
    Relu = 1,

    /// <summary>Hyperbolic tangent, <see cref="Neural.Tanh"/>; weights use LeCun initialisation.</summary>
    Tanh = 2,
}
