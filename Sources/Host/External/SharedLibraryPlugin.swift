import Foundation
#if canImport(Glibc)
import Glibc
#endif

// A plugin in a shared object (C ABI, include/idgenrec_plugin.h): opened once with dlopen and never closed —
// unloading code that may have handed out pointers or started threads is the classic way to crash later.
// Its functions run in-process: a plugin that corrupts memory can still take the host down (use a command
// plugin for untrusted code); every failure it reports or any reply that breaks the ABI is an error here.
public final class SharedLibraryPlugin: PluginBridge {
    typealias VersionFn = @convention(c) () -> Int32
    typealias DescribeFn = @convention(c) () -> UnsafeMutablePointer<CChar>?
    typealias CallFn = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafePointer<CChar>) -> UnsafeMutablePointer<CChar>?
    typealias FreeFn = @convention(c) (UnsafeMutablePointer<CChar>?) -> Void

    public let label: String
    public private(set) var describeReply: JSONValue = .null
    let call: CallFn
    let free: FreeFn
    let lock = NSLock()

    private static var opened: [String: SharedLibraryPlugin] = [:]
    private static let openedLock = NSLock()

    /// Opens (or returns the already opened) library at `url`; `name` is the manifest entry that asked.
    public static func open(_ url: URL, name: String) throws -> SharedLibraryPlugin {
        openedLock.lock()
        defer { openedLock.unlock() }
        let path = url.standardizedFileURL.path
        if let p = opened[path] { return p }
        let p = try SharedLibraryPlugin(path: path, label: "'\(name)' (library \(path))")
        opened[path] = p
        return p
    }

    init(path: String, label: String) throws {
        self.label = label
        guard FileManager.default.fileExists(atPath: path) else {
            throw PluginError(plugin: label, .load, "no such file; build it first (e.g. `make -C Examples/plugins`) or fix the manifest's \"library\" path")
        }
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw PluginError(plugin: label, .load, "dlopen failed: \(String(cString: dlerror()))")
        }
        func symbol(_ name: String) throws -> UnsafeMutableRawPointer {
            guard let s = dlsym(handle, name) else {
                throw PluginError(plugin: label, .missingSymbol, "does not export \(name)(); implement all four functions of include/idgenrec_plugin.h")
            }
            return s
        }
        let version = unsafeBitCast(try symbol("idgenrec_plugin_abi_version"), to: VersionFn.self)
        let describe = unsafeBitCast(try symbol("idgenrec_plugin_describe"), to: DescribeFn.self)
        call = unsafeBitCast(try symbol("idgenrec_plugin_call"), to: CallFn.self)
        free = unsafeBitCast(try symbol("idgenrec_plugin_free"), to: FreeFn.self)
        let v = Int(version())
        guard v == pluginABIVersion else {
            throw PluginError(plugin: label, .abiVersion, "was built for ABI version \(v), this idgenrec speaks \(pluginABIVersion); rebuild it against include/idgenrec_plugin.h")
        }
        guard let text = take(describe()) else {
            throw PluginError(plugin: label, .badReply, "idgenrec_plugin_describe() returned NULL")
        }
        let d: JSONValue
        do { d = try JSONValue.parse(text, source: "describe") } catch {
            throw PluginError(plugin: label, .invalidJSON, "describe returned invalid JSON (\(error))")
        }
        describeReply = try checkDescribe(d, label: label)
    }

    /// Copies a plugin-owned C string and gives it back to the plugin's allocator.
    func take(_ p: UnsafeMutablePointer<CChar>?) -> String? {
        guard let p else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    public func call(component: String, method: String, request: JSONValue) throws -> JSONValue {
        lock.lock()
        defer { lock.unlock() }
        let text = request.serialized()
        let reply = component.withCString { c in method.withCString { m in text.withCString { r in take(call(c, m, r)) } } }
        guard let reply else {
            throw PluginError(plugin: label, .badReply, "idgenrec_plugin_call(\(component), \(method)) returned NULL; return {\"error\": …} instead")
        }
        return try interpretReply(reply, label: label, component: component, method: method)
    }
}
