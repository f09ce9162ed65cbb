import Foundation
import Site

/// Checks `--root` before anything is built or served: a root that does not exist is an error, never an empty site.
enum RootFolder {
    /// Why `root` cannot be a site's root folder, or nil when it is a folder.
    /// - Parameter argument: the path as the user typed it, for the message.
    static func problem(_ root: URL, argument: String) -> Diagnostic? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            return Diagnostic(file: nil, message: "--root '\(argument)' does not exist",
                              notes: ["the site's root folder is the one holding content/ and templates/"])
        }
        guard isDirectory.boolValue else {
            return Diagnostic(file: nil, message: "--root '\(argument)' is not a folder")
        }
        return nil
    }
}
