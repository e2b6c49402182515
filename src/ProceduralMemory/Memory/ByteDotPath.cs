namespace ProceduralMemory.Memory;

/// <summary>The instructions that compute <see cref="QuantisedKeyBlocks"/>' integer dot products (all give the same numbers).</summary>
internal enum ByteDotPath
{
    /// <summary>Plain integer arithmetic, one key at a time.</summary>
    Scalar,

    /// <summary>256-bit <c>vpmaddubsw</c> and <c>vpmaddwd</c> (AVX2).</summary>
    Avx2,

    /// <summary>256-bit <c>vpdpbusd</c> (AVX-VNNI): four byte products added into each 32-bit lane by one instruction.</summary>
    AvxVnni,
}
