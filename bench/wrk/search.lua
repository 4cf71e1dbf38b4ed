-- Full-text searches drawn at random: a rarer word (kwN, each in ~30 articles) and a common one, best match first.
-- Most are new to the service's response cache, as on a real site.
-- Usage: wrk -s bench/wrk/search.lua <url> -- <e.paths> (words.txt and keywords.txt beside it)
local words = {}
local keywords = 100

function init(args)
  local dir = args[1]:match("(.*/)") or "./"
  for line in io.lines(dir .. "words.txt") do
    words[#words + 1] = line
  end
  for line in io.lines(dir .. "keywords.txt") do
    keywords = tonumber(line)
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local q = "kw" .. math.random(0, keywords - 1) .. "%20" .. words[math.random(#words)]
  return wrk.format("GET", "/api/v1/articles?q=" .. q .. "&sort=relevance")
end
