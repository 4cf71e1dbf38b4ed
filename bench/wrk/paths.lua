-- Requests the paths listed in a file, one per line, round-robin from a random start in each thread; a line may
-- carry an ETag after a tab, sent as If-None-Match (the conditional-GET scenario).
-- Usage: wrk -s bench/wrk/paths.lua <url> -- <paths file>
local paths = {}
local etags = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    local path, etag = line:match("^([^\t]+)\t?(.*)$")
    paths[#paths + 1] = path
    etags[#etags + 1] = etag
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  if etags[i] ~= nil and etags[i] ~= "" then
    return wrk.format("GET", paths[i], { ["If-None-Match"] = etags[i] })
  end
  return wrk.format("GET", paths[i])
end
