import Foundation

/// The listening TCP socket, bound by kb rather than by libmicrohttpd so a failure says why (port in use,
/// permission) and a port of 0 reports the one the system chose.
enum ListeningSocket {
    /// A parsed IPv4 or IPv6 address and port.
    struct Address {
        enum Family { case ipv4(in_addr), ipv6(in6_addr) }
        let family: Family
        let port: UInt16

        init(host: String, port: UInt16) throws(ServerError) {
            self.port = port
            let name = host == "localhost" ? "127.0.0.1" : host
            var v4 = in_addr()
            var v6 = in6_addr()
            let bracketless = name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
            if inet_pton(AF_INET, bracketless, &v4) == 1 {
                family = .ipv4(v4)
            } else if inet_pton(AF_INET6, bracketless, &v6) == 1 {
                family = .ipv6(v6)
            } else {
                throw .invalidHost(host)
            }
        }

        /// 127.0.0.0/8 and ::1 (and IPv4-mapped loopback).
        var isLoopback: Bool {
            switch family {
            case let .ipv4(address):
                return UInt32(bigEndian: address.s_addr) >> 24 == 127
            case let .ipv6(address):
                let bytes = withUnsafeBytes(of: address) { Array($0) }
                if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
                let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
                return mapped && bytes[12] == 127
            }
        }

        var isIPv6: Bool {
            if case .ipv6 = family { return true }
            return false
        }
    }

    /// A non-blocking socket bound to `address` and listening; returns it with the port actually bound.
    static func open(_ address: Address, host: String, backlog: Int32 = 511) throws(ServerError) -> (descriptor: Int32, port: UInt16) {
        let domain = address.isIPv6 ? AF_INET6 : AF_INET
        let descriptor = socket(domain, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .bindFailed(host: host, port: address.port, reason: String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if address.isIPv6 { setsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &yes, socklen_t(MemoryLayout<Int32>.size)) }
        var bound: Int32
        switch address.family {
        case let .ipv4(ip):
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = address.port.bigEndian
            socketAddress.sin_addr = ip
            bound = bind(descriptor, to: socketAddress)
        case let .ipv6(ip):
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = address.port.bigEndian
            socketAddress.sin6_addr = ip
            bound = bind(descriptor, to: socketAddress)
        }
        if bound == 0 { bound = listen(descriptor, backlog) }
        guard bound == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .bindFailed(host: host, port: address.port, reason: reason)
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return (descriptor, port(of: storage))
    }

    /// `bind(2)` with a `sockaddr_in` or `sockaddr_in6`.
    private static func bind<SocketAddress>(_ descriptor: Int32, to address: SocketAddress) -> Int32 {
        var copy = address
        return withUnsafePointer(to: &copy) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Foundation.bind(descriptor, $0, socklen_t(MemoryLayout<SocketAddress>.size))
            }
        }
    }

    private static func port(of storage: sockaddr_storage) -> UInt16 {
        var copy = storage
        return withUnsafePointer(to: &copy) { pointer in
            if Int32(storage.ss_family) == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }

    /// The printable IP address of a peer, or `-`.
    static func text(of address: UnsafePointer<sockaddr>?) -> String {
        guard let address else { return "-" }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            var ip = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            guard inet_ntop(AF_INET, &ip, &buffer, socklen_t(buffer.count)) != nil else { return "-" }
        case AF_INET6:
            var ip = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
            guard inet_ntop(AF_INET6, &ip, &buffer, socklen_t(buffer.count)) != nil else { return "-" }
        default:
            return "-"
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
