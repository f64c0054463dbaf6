-- What an instance manager does when it writes an instance: the hash fields and, when the state changes,
-- the index sets, in one step. Used by the simulator. No audit: this is not an operator action.
-- KEYS: 1 instance hash, 2.. every known instance:state:* set. ARGV: 1 id, then field, value pairs.
local state = nil
for i = 2, #ARGV, 2 do
  if ARGV[i] == 'state' then state = ARGV[i + 1] end
end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
if state then
  local target = 'instance:state:' .. state
  for i = 2, #KEYS do
    if KEYS[i] ~= target then redis.call('SREM', KEYS[i], ARGV[1]) end
  end
  redis.call('SADD', target, ARGV[1])
end
return 1
