// Boost.Asio, its SSL layer and Boost.Beast compiled once for the whole
// program (separate compilation), so other files include only the headers.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
