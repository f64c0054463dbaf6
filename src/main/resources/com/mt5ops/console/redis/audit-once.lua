-- Appends a transition's audit entry unless an entry with its transaction id is already in the stream (looked for
-- from a given id on, so only the entries since the transition are read). Atomic on the stream's slot, so two
-- consoles completing the same transition at once write one entry.
-- KEYS: 1 audit stream. ARGV: 1 transaction id, 2 first stream id to look from, 3 MAXLEN, 4.. the entry's fields and values
-- Reply: {'ADDED' | 'EXISTS', the entry's stream id}
local t = redis.call('TYPE', KEYS[1])['ok']
if t ~= 'none' and t ~= 'stream' then return redis.error_reply(KEYS[1] .. ' is a ' .. t .. ', not a stream') end
if t == 'stream' then
  local from = ARGV[2]
  while true do
    local page = redis.call('XRANGE', KEYS[1], from, '+', 'COUNT', 200)
    for _, e in ipairs(page) do
      local f = e[2]
      for i = 1, #f, 2 do
        if f[i] == 'txn' and f[i + 1] == ARGV[1] then return {'EXISTS', e[1]} end
      end
    end
    if #page < 200 then break end
    from = '(' .. page[#page][1]
  end
end
return {'ADDED', redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))}
