-- Rebuilds one id's index membership from its instance hash; never touches a hash.
-- KEYS: 1 instance hash, 2.. every instance:state:* set to consider. ARGV: 1 id, 2 " known states "
-- Reply: number of set memberships changed.
local state = nil
if redis.call('TYPE', KEYS[1])['ok'] == 'hash' then state = redis.call('HGET', KEYS[1], 'state') end
local own = state and ('instance:state:' .. state) or nil
local target = nil
if state and string.find(ARGV[2], ' ' .. state .. ' ', 1, true) then target = own end
local changed = 0
for i = 2, #KEYS do
  local t = redis.call('TYPE', KEYS[i])['ok']
  if t == 'set' and KEYS[i] ~= own then
    changed = changed + redis.call('SREM', KEYS[i], ARGV[1])
  elseif KEYS[i] == target and (t == 'set' or t == 'none') then
    changed = changed + redis.call('SADD', KEYS[i], ARGV[1])
  end
end
return changed
