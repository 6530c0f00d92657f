namespace Saffu.Device.Platform
{
    /// <summary>
    /// The model blob built into the application (a resource, or a file deployed with it), read only
    /// when no flash slot loads, so it never sits in RAM beside a slot's model.
    /// </summary>
    public interface IBuiltinBlob
    {
        /// <summary>The blob's bytes, or null when the application has none.</summary>
        byte[]? Read();
    }
}
