/// The version `build-site --version` prints: the one place it is written. Raise it in the commit that
/// changes what users see (a new option, a new error, a changed output).
public enum BuildSiteVersion {
    public static let current = "0.20.0"
}
