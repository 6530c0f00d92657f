using System.Text;

namespace Saffu.Training.Grammar;

/// <summary>FNV-1a 32-bit over UTF-8: the split's hash, stable across runs and machines (string.GetHashCode is not).</summary>
public static class StableHash
{
    public static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619;
        }
        return hash;
    }
}
